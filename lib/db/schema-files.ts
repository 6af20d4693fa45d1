// The PostgreSQL schema file is the SQLite one with another provider, for Prisma's migration tools;
// the Kysely row types are generated once, from the SQLite file (the two engines share them).

const HEADER = `// GENERATED from prisma/schema.prisma by \`npm run db:schemas\`: edit that file, then run the command.\n`;

/** The PostgreSQL schema text for a SQLite schema text. */
export function toPostgresSchema(sqlite: string): string {
  const withoutKysely = sqlite.replace(/\n\/\/ Kysely's row types[^\n]*\n(\/\/[^\n]*\n)*generator kysely \{[^}]*\}\n/, "\n");
  return HEADER + withoutKysely.replace('provider = "sqlite"', 'provider = "postgresql"');
}
