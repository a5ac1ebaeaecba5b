import type { RunDevice } from "./device.ts";

interface UserAgentData {
  platform?: string;
  brands?: { brand: string; version: string }[];
}

/** The brand that names the browser, not the "Not A Brand" placeholder Chromium lists among them. */
const realBrand = (brands: { brand: string; version: string }[]) =>
  brands.find((brand) => brand.brand !== "Chromium" && !/not.a.brand/i.test(brand.brand)) ??
  brands.find((brand) => brand.brand === "Chromium");

/** The browser and its version, as the record names it: "Chromium 131.0.6778.204", "Firefox 133.0". */
export function browserName(userAgent = navigator.userAgent, data?: UserAgentData): string {
  const agentData = data ?? (navigator as { userAgentData?: UserAgentData }).userAgentData;
  const fromAgent = /\b(Firefox|Edg|OPR|HeadlessChrome|Chrome|Version)\/([\d.]+)/.exec(userAgent);
  const brand = agentData?.brands ? realBrand(agentData.brands) : undefined;
  if (brand) {
    // The full version, where the user agent string gives it for the same major version.
    const full = fromAgent?.[2]?.startsWith(`${brand.version}.`) ? fromAgent[2] : brand.version;
    return `${brand.brand} ${full}`;
  }
  if (!fromAgent) return userAgent || "unknown browser";
  const names: Record<string, string> = { Edg: "Edge", OPR: "Opera", HeadlessChrome: "Chromium", Version: "Safari" };
  return `${names[fromAgent[1]!] ?? fromAgent[1]} ${fromAgent[2]}`;
}

/** The operating system, as the browser reports it: "Linux", "macOS", "Windows", "Android", "iOS". */
export function browserPlatform(userAgent = navigator.userAgent, data?: UserAgentData): string {
  const agentData = data ?? (navigator as { userAgentData?: UserAgentData }).userAgentData;
  if (agentData?.platform) return agentData.platform;
  const systems: [RegExp, string][] = [
    [/Android/, "Android"],
    [/iPhone|iPad|iPod/, "iOS"],
    [/Windows/, "Windows"],
    [/Mac OS X|Macintosh/, "macOS"],
    [/CrOS/, "Chrome OS"],
    [/Linux/, "Linux"],
  ];
  return systems.find(([pattern]) => pattern.test(userAgent))?.[1] ?? "unknown";
}

/** The record's environment for a run in this browser. */
export function browserEnvironment(zooVersion: string, device: RunDevice) {
  return { zoo_version: zooVersion, platform: browserPlatform(), browser: browserName(), device };
}
