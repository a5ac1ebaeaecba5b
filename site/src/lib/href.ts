/** A path inside the site, under the base it is deployed at ("/" locally, "/zoo/" on a project page). */
export function href(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, "");
  return `${base}/${path.replace(/^\//, "")}`;
}

export const modelHref = (id: string) => href(`models/${id}/`);
export const runHref = (id: string) => href(`runs/${id}/`);
export const leaderboardHref = (suite: string) => href(`leaderboards/${suite}/`);

/**
 * A catalogue URL fit for an href: http and https only. The catalogue's schema accepts any URL, and a
 * `javascript:` one in a link would run when clicked, so anything else is shown as text instead.
 */
export function externalHref(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const { protocol } = new URL(url);
    return protocol === "https:" || protocol === "http:" ? url : undefined;
  } catch {
    return undefined;
  }
}
