import { DEFAULT_HUB_URL } from "@zoo/suites";
import { InvalidArgumentError } from "commander";
import { CliError } from "./cli-error.ts";

/** A --hub-url value: an http(s) URL, without a trailing slash. */
export function hubUrlOption(value: string): string {
  if (!/^https?:\/\/[^/]/.test(value))
    throw new InvalidArgumentError("expected an http(s) URL such as https://huggingface.co");
  return value.replace(/\/+$/, "");
}

/** The Hub's address from $HF_ENDPOINT, else huggingface.co; a malformed endpoint is one line. */
export function hubUrlFromEnvironment(endpoint: string | undefined): string {
  if (!endpoint) return DEFAULT_HUB_URL;
  try {
    return hubUrlOption(endpoint);
  } catch (error) {
    throw new CliError(`HF_ENDPOINT: ${(error as Error).message}, found ${JSON.stringify(endpoint)}`);
  }
}
