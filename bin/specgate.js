#!/usr/bin/env node
// Runs the bundled CLI (scripts/build-cli.ts); `npm install` builds it through the `prepare` script.
import '../build/bundle/index.js';
