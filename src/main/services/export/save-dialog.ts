/** What a host's native Save dialog is asked: the name to suggest, its title, and one file type. */
export interface SaveDialogRequest {
  suggestedName: string;
  title: string;
  filter: { name: string; extensions: string[] };
}

/** The chosen path, or null when the user cancelled. */
export type ShowSaveDialog = (request: SaveDialogRequest) => Promise<string | null>;
