/** The app as a library: the Probot app function, for `probot run` or any host with `createNodeMiddleware`. */
export { specgateApp, DEFAULT_SETTINGS } from './app.js';
export { startServer, WEBHOOK_PATH } from './server.js';
export { run } from './run.js';
