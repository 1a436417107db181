/** "Sunday, 8 June 2025" in the reader's locale, from a `YYYY-MM-DD` date with no time zone. */
export function formatLongDate(iso: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}
