import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import { buildProgram } from "./main.ts";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const WORKFLOWS = join(ROOT, ".github/workflows");
const rootScripts: Record<string, string> = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts;
const program = buildProgram({ io: { out: () => {}, err: () => {}, cwd: ROOT, env: {} }, exitCode: 0 });
/** Programs a runner image provides, which the workflows may call directly. */
const SYSTEM_COMMANDS = new Set(["git", "echo", "cat", "test", "mkdir", "cp", "apt-get", "sudo", "npm", "tee"]);

/** Shell words, quotes removed; a GitHub expression counts as one opaque word. */
function words(command: string): string[] {
  return [...command.replace(/\$\{\{[^}]*\}\}/g, "EXPR").matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map(
    (match) => match[1] ?? match[2] ?? match[3]!,
  );
}

/** Each simple command of a `run:` script, without redirections. */
function commands(script: string): string[][] {
  return script
    .replace(/\\\n/g, " ")
    .split(/\n|&&|\|\||;|\|/)
    .map((part) => words(part.replace(/\d?>>?\s*("[^"]*"|\S+)/g, "")))
    .filter((parts) => parts.length > 0 && !parts[0]!.startsWith("#"));
}

/** Why `args` is not a valid zoo command line, or undefined when it is. */
function zooProblem(args: string[]): string | undefined {
  let command: Command = program;
  let index = 0;
  for (; index < args.length && !args[index]!.startsWith("-"); index += 1) {
    const sub = command.commands.find((candidate) => candidate.name() === args[index]);
    if (!sub)
      return command.commands.length > 0 ? `zoo has no command "${args.slice(0, index + 1).join(" ")}"` : undefined;
    command = sub;
  }
  if (command.commands.length > 0) return `"zoo ${args.slice(0, index).join(" ")}" needs a subcommand`;
  const flags = new Set(command.options.flatMap((option) => [option.long, option.short]).concat("--help"));
  const unknown = args.slice(index).filter((arg) => arg.startsWith("-") && !flags.has(arg.split("=")[0]));
  return unknown.length > 0 ? `"zoo ${args.slice(0, index).join(" ")}" has no option ${unknown.join(", ")}` : undefined;
}

/** Why a command a workflow runs does not exist, or undefined when it does. */
function commandProblem(parts: string[]): string | undefined {
  const [program, ...args] = parts as [string, ...string[]];
  if (program === "bash" || program === "sh")
    return existsSync(join(ROOT, args[0] ?? "")) ? undefined : `no script ${args[0]}`;
  if (program === "zoo") return zooProblem(args);
  if (program !== "pnpm") return SYSTEM_COMMANDS.has(program) ? undefined : `unknown program ${program}`;
  const rest = args.filter((arg) => arg !== "-s" && arg !== "--silent");
  const [name, ...scriptArgs] = rest as [string, ...string[]];
  if (name === "install" || name === "store") return undefined;
  if (name === "exec")
    return existsSync(join(ROOT, "node_modules/.bin", scriptArgs[0] ?? "")) ? undefined : `no binary ${scriptArgs[0]}`;
  const script = rootScripts[name];
  if (script === undefined) return `no root script "${name}"`;
  return script.startsWith("zoo ") || script === "zoo"
    ? zooProblem([...words(script).slice(1), ...scriptArgs])
    : undefined;
}

const workflowFiles = readdirSync(WORKFLOWS).filter((file) => file.endsWith(".yml"));

describe("GitHub workflows", () => {
  it("exist", () => {
    expect(workflowFiles.sort()).toEqual(["ci.yml", "nightly.yml"]);
  });

  it("nightly: plans a matrix, runs each shard, merges what arrived, then commits and deploys", () => {
    const nightly = parse(readFileSync(join(WORKFLOWS, "nightly.yml"), "utf8")) as {
      on: Record<string, unknown>;
      jobs: Record<
        string,
        { needs?: string[] | string; strategy?: { matrix: string }; steps: { run?: string; uses?: string }[] }
      >;
    };
    expect(Object.keys(nightly.on).sort()).toEqual(["schedule", "workflow_dispatch"]);
    expect(Object.keys(nightly.jobs)).toEqual(["plan", "bench", "merge"]);
    expect(nightly.jobs.bench!.strategy!.matrix).toBe("${{ fromJSON(needs.plan.outputs.matrix) }}");
    const runs = (job: string) => nightly.jobs[job]!.steps.flatMap((step) => (step.run ? [step.run] : []));
    expect(runs("plan").join("\n")).toContain("zoo nightly plan --github-output");
    expect(runs("bench").join("\n")).toContain('--shard "${{ matrix.shard }}"');
    expect(runs("merge").join("\n")).toContain("zoo results merge shards --output benchmarks/results");
    expect(nightly.jobs.merge!.steps.map((step) => step.uses).filter(Boolean)).toContain("actions/deploy-pages@v4");
  });

  it.each(workflowFiles)("%s is valid YAML whose every run step calls something that exists", (file) => {
    const workflow = parse(readFileSync(join(WORKFLOWS, file), "utf8")) as {
      jobs: Record<string, { steps?: { run?: string }[] }>;
    };
    const problems = Object.entries(workflow.jobs).flatMap(([job, { steps = [] }]) =>
      steps.flatMap(({ run }) =>
        run === undefined
          ? []
          : commands(run)
              .flatMap((parts) => commandProblem(parts) ?? [])
              .map((problem) => `${job}: ${problem}`),
      ),
    );
    expect(problems).toEqual([]);
  });

  it("ci: annotates the catalogue's problems, then runs exactly .ci/run, which runs the README's test command", () => {
    const ci = parse(readFileSync(join(WORKFLOWS, "ci.yml"), "utf8")) as {
      jobs: Record<string, { steps: { run?: string }[] }>;
    };
    const runs = Object.values(ci.jobs).flatMap(({ steps }) => steps.flatMap(({ run }) => (run ? [run.trim()] : [])));
    expect(runs).toContain("pnpm catalog:check --format github");
    expect(runs.at(-1)).toBe("bash .ci/run");
    const script = readFileSync(join(ROOT, ".ci/run"), "utf8");
    expect(script.trim().split("\n").at(-1)).toBe("pnpm test");
  });

  it("catches a command that does not exist", () => {
    expect(commandProblem(["pnpm", "zoo", "catalog", "chek"])).toBe('zoo has no command "catalog chek"');
    expect(commandProblem(["pnpm", "catalog:check", "--fromat", "github"])).toBe(
      '"zoo catalog check" has no option --fromat',
    );
    expect(commandProblem(["pnpm", "deploy-site"])).toBe('no root script "deploy-site"');
    expect(commandProblem(["bash", ".ci/missing"])).toBe("no script .ci/missing");
    expect(
      commands(
        'pnpm -s zoo catalog changes --base "origin/${{ github.base_ref }}" --format markdown >> "$GITHUB_STEP_SUMMARY"',
      ),
    ).toEqual([["pnpm", "-s", "zoo", "catalog", "changes", "--base", "origin/EXPR", "--format", "markdown"]]);
  });
});
