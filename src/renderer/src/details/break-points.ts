/**
 * Where long values in the details panel may break: a path after its separators, a URL after its
 * slashes and before its query, a file name after its underscores, hyphens and spaces (its extension
 * kept with the word before it, never alone on a line). Each piece is rendered
 * as a box of its own, and breaks inside a piece only when the piece alone is wider than the line.
 */

export const pathPieces = (path: string): string[] => path.split(/(?<=[\\/])(?=.)/);

export const domainPieces = (domain: string): string[] => domain.split(/(?<=\.)(?=.)/);

export const urlPieces = (url: string): string[] => url.split(/(?<=\/)(?=[^/])|(?=[?&#])/);

export const fileNamePieces = (name: string): string[] => name.split(/(?<=[_\- ])(?=[^_\- .])/);
