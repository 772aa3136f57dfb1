// Runs before each integration test file: the code under test reads DATABASE_URL like the app does.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
