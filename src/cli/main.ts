#!/usr/bin/env node
// The program: runs the command line (cli.ts, through start.ts) on this process's arguments and sets the exit code.
import { start } from './start.js';

process.exitCode = await start(process.argv.slice(2));
