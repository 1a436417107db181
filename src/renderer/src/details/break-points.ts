/**
 * Where long values in the details panel may break: a path after its separators, a URL after its
 * slashes and before its query, a file name only before its extension. Each piece is rendered
 * as a box of its own, and breaks inside a piece only when the piece alone is wider than the line.
 */

export const pathPieces = (path: string): string[] => path.split(/(?<=[\\/])(?=.)/);

export const domainPieces = (domain: string): string[] => domain.split(/(?<=\.)(?=.)/);

export const urlPieces = (url: string): string[] => url.split(/(?<=\/)(?=[^/])|(?=[?&#])/);

export function fileNamePieces(name: string): string[] {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name];
}
