#!/usr/bin/env node
// The program: runs the command line (cli.ts) on this process's arguments and sets the exit code.
import { main } from './cli.js';

process.exitCode = await main(process.argv.slice(2));
