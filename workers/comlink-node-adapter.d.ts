// comlink ships its Node adapter without a declaration for the .mjs path.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  import type { Endpoint } from 'comlink';
  const nodeEndpoint: (port: import('node:worker_threads').MessagePort | import('node:worker_threads').Worker) => Endpoint;
  export default nodeEndpoint;
}
