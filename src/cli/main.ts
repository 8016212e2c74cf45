#!/usr/bin/env node
// The program: runs the command line (cli.ts, through start.ts) on this process's arguments and sets the exit code.
import { start } from './start.js';

// A reader that closes the pipe before all is read (`annual-review build -o - | head -c 100`) is no failure of the
// command's: what is still to print goes nowhere, and the command ends as it would have.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
});

process.exitCode = await start(process.argv.slice(2));
