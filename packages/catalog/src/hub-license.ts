/**
 * Hub license tags whose catalogue id is not the same word in another case: the Hub's GNU tags are SPDX's
 * deprecated bare ids, which SPDX defines as the "-only" licenses.
 */
const HUB_LICENSE_ALIASES: Record<string, string> = {
  "gpl-2.0": "GPL-2.0-only",
  "gpl-3.0": "GPL-3.0-only",
  "lgpl-2.1": "LGPL-2.1-only",
  "lgpl-3.0": "LGPL-3.0-only",
  "agpl-3.0": "AGPL-3.0-only",
};

/** What a repo's model card says of its license: the Hub's license tags, and the name given when the tag is "other". */
export interface HubLicense {
  tags: readonly string[];
  name?: string | undefined;
}

/** How a Hub license reads in the catalogue: the catalogue license ids it names, and how to show it. */
export interface MappedLicense {
  /** Catalogue license ids (catalog/licenses/) the Hub's tags name; empty when none is known. */
  ids: string[];
  /** The Hub's own words: "apache-2.0", "other (deepseek)". */
  shown: string;
}

/**
 * Maps the Hub's license tags onto the catalogue's license ids: the same id in any case ("apache-2.0" is
 * Apache-2.0, "llama2" is llama2), the aliases above, and for "other" the card's license_name when it is an id.
 */
export function mapHubLicense(license: HubLicense, catalogueIds: readonly string[]): MappedLicense {
  const byLowerCase = new Map(catalogueIds.map((id) => [id.toLowerCase(), id]));
  const lookup = (word: string) => {
    const lower = word.toLowerCase();
    return (
      byLowerCase.get(lower) ??
      (HUB_LICENSE_ALIASES[lower] && byLowerCase.get(HUB_LICENSE_ALIASES[lower].toLowerCase()))
    );
  };
  const ids = new Set<string>();
  for (const tag of license.tags) {
    const id = tag === "other" && license.name ? lookup(license.name) : lookup(tag);
    if (id) ids.add(id);
  }
  const shown = license.tags
    .map((tag) => (tag === "other" && license.name ? `other (${license.name})` : tag))
    .join(", ");
  return { ids: [...ids], shown };
}
