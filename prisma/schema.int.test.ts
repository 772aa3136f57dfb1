/**
 * Guards the hand-written SQL migrations: the database they produce must be exactly what
 * schema.prisma describes (tables, columns, types, nullability, defaults, keys and indexes), since
 * Prisma Migrate cannot check it for us here.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { getDMMF } from "@prisma/get-dmmf";
import type * as DMMF from "@prisma/dmmf";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parseDatabaseUrl } from "../lib/database-url";
import type { DatabaseCoordinates } from "../lib/database-url";
import { connect } from "../scripts/lib/database-server";
import { projectDir } from "../scripts/lib/paths";
import { createThrowawayDatabase } from "../scripts/lib/throwaway-database";
import type { ThrowawayDatabase } from "../scripts/lib/throwaway-database";

interface ColumnShape {
  type: string; // e.g. "int unsigned", "char(26)", "datetime(0)", "enum(day,week)"
  nullable: boolean;
  default: string | null; // "autoincrement", a literal, or null
}
type TableShape = { columns: Record<string, ColumnShape>; indexes: Record<string, string> };
type Shape = Record<string, TableShape>;

// Prisma's MySQL mapping of scalar types without a native type attribute.
const DEFAULT_NATIVE: Record<string, [string, string[]]> = {
  String: ["VarChar", ["191"]],
  Int: ["Int", []],
  BigInt: ["BigInt", []],
  Boolean: ["TinyInt", ["1"]],
  DateTime: ["DateTime", ["3"]],
  Float: ["Double", []],
};

function sqlType([name, args]: [string, string[]]): string {
  const unsigned = name.startsWith("Unsigned");
  const base = (unsigned ? name.slice("Unsigned".length) : name).toLowerCase();
  const sized = base === "char" || base === "varchar" || base === "datetime" || (base === "tinyint" && args.length) ? `${base}(${args[0] ?? "0"})` : base;
  return unsigned ? `${sized} unsigned` : sized;
}

function expectedShape(dmmf: DMMF.Document): Shape {
  const shape: Shape = {};
  for (const model of dmmf.datamodel.models) {
    const table = model.dbName ?? model.name;
    const column = (field: string) => {
      const f = model.fields.find((x) => x.name === field)!;
      return f.dbName ?? f.name;
    };
    const columns: Record<string, ColumnShape> = {};
    for (const f of model.fields) {
      if (f.kind === "object") continue;
      let type: string;
      if (f.kind === "enum") {
        const values = dmmf.datamodel.enums.find((e) => e.name === f.type)!.values.map((v) => v.dbName ?? v.name);
        type = `enum(${values.join(",")})`;
      } else {
        const native = (f.nativeType as [string, string[]] | null) ?? DEFAULT_NATIVE[f.type];
        if (!native) throw new Error(`Teach this test the MySQL type of ${f.type}`);
        type = sqlType(native);
      }
      let def: string | null = null;
      if (f.default !== undefined) {
        const d = f.default as unknown;
        def = typeof d === "object" && d !== null && "name" in d ? String((d as { name: string }).name) : String(d);
      }
      columns[f.dbName ?? f.name] = { type, nullable: !f.isRequired, default: def };
    }
    const indexes: Record<string, string> = {};
    for (const index of dmmf.datamodel.indexes.filter((i) => i.model === model.name)) {
      const cols = index.fields.map((f) => column(f.name));
      const name = index.type === "id" ? "PRIMARY" : (index.dbName ?? `${table}_${cols.join("_")}_${index.type === "unique" ? "key" : "idx"}`);
      indexes[name] = `${index.type === "normal" ? "index" : index.type === "id" ? "primary" : "unique"}(${cols.join(",")})`;
    }
    shape[table] = { columns, indexes };
  }
  return shape;
}

interface ColumnRow {
  TABLE_NAME: string;
  COLUMN_NAME: string;
  DATA_TYPE: string;
  COLUMN_TYPE: string;
  CHARACTER_MAXIMUM_LENGTH: bigint | number | null;
  DATETIME_PRECISION: bigint | number | null;
  IS_NULLABLE: string;
  COLUMN_DEFAULT: string | null;
  EXTRA: string;
}

async function actualShape(c: DatabaseCoordinates): Promise<Shape> {
  const conn = await connect(c);
  try {
    const columns = await conn.query<ColumnRow[]>(
      `SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, CHARACTER_MAXIMUM_LENGTH, DATETIME_PRECISION,
              IS_NULLABLE, COLUMN_DEFAULT, EXTRA
         FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME NOT IN ('_prisma_migrations', '_planado_migration_lock')
        ORDER BY TABLE_NAME, ORDINAL_POSITION`,
    );
    const stats = await conn.query<{ TABLE_NAME: string; INDEX_NAME: string; NON_UNIQUE: bigint | number; COLUMN_NAME: string }[]>(
      `SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME FROM information_schema.STATISTICS
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME NOT IN ('_prisma_migrations', '_planado_migration_lock') ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`,
    );
    const shape: Shape = {};
    for (const col of columns) {
      const table = (shape[col.TABLE_NAME] ??= { columns: {}, indexes: {} });
      const unsigned = col.COLUMN_TYPE.includes("unsigned") ? " unsigned" : "";
      let type: string;
      if (col.DATA_TYPE === "enum") {
        type = `enum(${[...col.COLUMN_TYPE.matchAll(/'([^']*)'/g)].map((m) => m[1]).join(",")})`;
      } else if (col.DATA_TYPE === "char" || col.DATA_TYPE === "varchar") {
        type = `${col.DATA_TYPE}(${Number(col.CHARACTER_MAXIMUM_LENGTH)})`;
      } else if (col.DATA_TYPE === "datetime") {
        type = `datetime(${Number(col.DATETIME_PRECISION)})`;
      } else if (col.DATA_TYPE === "tinyint" && /^tinyint\(1\)/.test(col.COLUMN_TYPE)) {
        type = "tinyint(1)";
      } else {
        type = col.DATA_TYPE;
      }
      const rawDefault = col.COLUMN_DEFAULT === "NULL" ? null : col.COLUMN_DEFAULT;
      table.columns[col.COLUMN_NAME] = {
        type: `${type}${unsigned}`,
        nullable: col.IS_NULLABLE === "YES",
        default: col.EXTRA.includes("auto_increment") ? "autoincrement" : (rawDefault?.replace(/^'(.*)'$/, "$1") ?? null),
      };
    }
    const grouped = new Map<string, { table: string; unique: boolean; cols: string[] }>();
    for (const s of stats) {
      const key = `${s.TABLE_NAME}.${s.INDEX_NAME}`;
      const entry = grouped.get(key) ?? { table: s.TABLE_NAME, unique: Number(s.NON_UNIQUE) === 0, cols: [] };
      entry.cols.push(s.COLUMN_NAME);
      grouped.set(key, entry);
    }
    for (const [key, { table, unique, cols }] of grouped) {
      const name = key.slice(table.length + 1);
      shape[table]!.indexes[name] = `${name === "PRIMARY" ? "primary" : unique ? "unique" : "index"}(${cols.join(",")})`;
    }
    return shape;
  } finally {
    await conn.end();
  }
}

describe("the migrations build exactly the schema in schema.prisma", () => {
  let db: ThrowawayDatabase;
  beforeAll(async () => {
    db = await createThrowawayDatabase(parseDatabaseUrl(inject("serverUrl")) as DatabaseCoordinates);
  });
  afterAll(async () => {
    await db.drop();
  });

  it("has the same tables, columns, types, defaults and indexes", async () => {
    const dmmf = getDMMF({ datamodel: readFileSync(join(projectDir, "prisma/schema.prisma"), "utf8") });
    if ("type" in dmmf && "reason" in dmmf) throw new Error(`schema.prisma does not parse: ${dmmf.reason}`);
    const expected = expectedShape(dmmf as DMMF.Document);
    expect(Object.keys(expected).length).toBeGreaterThan(0);
    expect(await actualShape(db.coordinates)).toEqual(expected);
  });

  it("would notice a drift (the comparison is not blind)", async () => {
    const conn = await connect(db.coordinates);
    try {
      await conn.query("ALTER TABLE conferences MODIFY time_zone VARCHAR(32) NOT NULL");
    } finally {
      await conn.end();
    }
    const dmmf = getDMMF({ datamodel: readFileSync(join(projectDir, "prisma/schema.prisma"), "utf8") }) as DMMF.Document;
    expect(await actualShape(db.coordinates)).not.toEqual(expectedShape(dmmf));
  });
});
