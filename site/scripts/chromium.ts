/** The browser the site's tests drive: Debian's chromium, or another build named by ZOO_CHROMIUM. Never a download. */
export const CHROMIUM = process.env.ZOO_CHROMIUM ?? "/usr/bin/chromium";

/** How to get it, said wherever its absence is reported. */
export const CHROMIUM_HINT = "apt-get install -y chromium, or point ZOO_CHROMIUM at a Chromium build";
