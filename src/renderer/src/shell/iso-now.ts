/** The current time as ISO 8601, for annotation timestamps (kept out of runes files on purpose). */
export const isoNow = () => new Date().toISOString();
