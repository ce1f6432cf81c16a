// The `heartland` command: parses arguments and dispatches to one module per subcommand.
import { Command, CommanderError } from "commander";
import { CommandFailed, EXIT, UsageError } from "./common.js";
import { registerDemo } from "./demo.js";
import { registerExport } from "./export.js";
import { registerIngest } from "./ingest.js";
import { registerServe } from "./serve.js";
import { registerStats } from "./stats.js";
import { registerTag } from "./tag.js";

export function buildProgram(): Command {
  const program = new Command("heartland")
    .description(
      "Heartland reads geopolitical news (text, HTML, feeds, URLs) and builds a sourced, queryable model\n" +
        "of the actors, ties, events, quotes and figures it describes.",
    )
    .version("0.1.0")
    .option("--db <file>", "SQLite store to use (default: $HEARTLAND_DB or ./heartland.db)")
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({ outputError: (str, write) => write(`heartland: ${str.replace(/^error: /, "")}`) })
    .exitOverride();
  registerIngest(program);
  registerExport(program);
  registerStats(program);
  registerDemo(program);
  registerServe(program);
  registerTag(program);
  for (const cmd of program.commands) cmd.exitOverride();
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return Number(process.exitCode ?? 0);
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.code === "commander.help") {
        return EXIT.ok;
      }
      return EXIT.usage;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`heartland: ${err.message}\n`);
      return EXIT.usage;
    }
    if (err instanceof CommandFailed) {
      process.stderr.write(`heartland: ${err.message}\n`);
      return EXIT.failed;
    }
    throw err;
  }
}
