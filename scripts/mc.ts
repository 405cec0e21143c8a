// Mission Control CLI: `npm run mc -- <command>`. Talks to the database directly (run it on the
// server), through the same services as the app, recorded in the activity log as "cli".
import { parseArgs } from "node:util";
import { loadEnv } from "./env";

const HELP = `Mission Control CLI

Usage: npm run mc -- <command> [options]

Commands:
  user create --email <email> --name <name> --password <password> [--org <slug> --role <role>]
      Create a user; with --org, also add them to that organization.
  token create --email <email> --org <org-slug> [--role member|admin|owner] [--name <name>]
      Create an API token acting for that user in that organization. The token alone is
      printed on the last line of output (it is shown only once).
  org list
      List organizations.
  migrate
      Apply pending database migrations.
  --help
      Show this help.
`;

async function main(argv: string[]): Promise<number> {
  loadEnv();
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: "string" },
      name: { type: "string" },
      password: { type: "string" },
      org: { type: "string" },
      role: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const command = positionals.join(" ");
  if (values.help || !command) {
    console.log(HELP);
    return values.help ? 0 : 1;
  }
  const { parseDatabaseUrl } = await import("../src/server/db/config");
  const { migrate } = await import("../src/server/db/migrate");
  const config = parseDatabaseUrl();
  await migrate(config);
  if (command === "migrate") {
    console.log("Database is up to date.");
    return 0;
  }
  const { createDb } = await import("../src/server/db/client");
  const cli = await import("../src/server/services/cli/cli-commands");
  const db = createDb(config);
  try {
    switch (command) {
      case "user create":
        console.log(await cli.createUser(db, values));
        return 0;
      case "token create":
        console.log(await cli.createToken(db, values));
        return 0;
      case "org list":
        console.log(await cli.listOrgs(db));
        return 0;
      default:
        console.error(`Unknown command "${command}".\n\n${HELP}`);
        return 1;
    }
  } finally {
    await db.$disconnect();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
