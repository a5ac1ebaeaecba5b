/** What the file system's error codes mean to a user, said of the path they concern. */
const MEANINGS: Record<string, string> = {
  EISDIR: "is a folder, where a file was expected",
  ENOTDIR: "is not a folder (a part of the path is a file)",
  ENAMETOOLONG: "is a name too long for the file system",
  EEXIST: "already exists and is not a folder",
  EACCES: "cannot be accessed: permission denied",
  EPERM: "cannot be changed: operation not permitted",
  EROFS: "is on a read-only file system",
  ENOSPC: "cannot be written: no space left on the device",
  ENOENT: "does not exist",
  ELOOP: "is a loop of symbolic links",
};

/**
 * A failed file-system call as one line naming the path, or undefined for any other error: Node's own message
 * ("EISDIR: illegal operation on a directory, read") says neither which path nor what to do.
 */
export function fileSystemErrorLine(error: unknown): string | undefined {
  const { code, path } = error as NodeJS.ErrnoException;
  const meaning = code === undefined ? undefined : MEANINGS[code];
  if (meaning === undefined || typeof path !== "string") return undefined;
  return `${path} ${meaning}`;
}
