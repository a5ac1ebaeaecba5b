/**
 * Where the /run/ page finds what the site serves for it, relative to the page itself (so any base path works):
 * zoo's tiny LM in the Hub's layout and the offline samples of benchmarks/samples.
 * Free of imports: both the build (the endpoints) and the page read it.
 */

/**
 * The tiny LM as a Hub repo on the site, `hub/zoo/tiny-lm/resolve/main/<file>`: at main, where transformers.js
 * looks for tokenizer_config.json whatever revision it is asked for.
 */
export const TINY_LM_SITE_REPO = "zoo/tiny-lm";
export const TINY_LM_SITE_REVISION = "main";

/** transformers.js's remoteHost for the tiny LM, and the folder of the samples. */
export const SITE_HUB_DIR = "hub/";
export const SITE_SAMPLES_DIR = "samples/";
