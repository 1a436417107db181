/** An article opened before, by path, for the Recent menu. */
export interface RecentEntry {
  path: string;
  title: string;
  openedAt: string;
}
