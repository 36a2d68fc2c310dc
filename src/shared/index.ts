// The API contract shared by every process: request/response/event schemas, their types, and serialisable errors.
// Nothing here has side effects; the preload, the renderer, the server and the back end all import it.
export * from './contract';
export * from './errors';
export * from './schemas';
export * from './backtestSchemas';
export * from './studySchemas';
export * from './studyManagementSchemas';
export * from './bridge';
export * from './wireProtocol';
export * from './analysisSchemas';
export * from './exportSchemas';
export * from './walkForwardSchemas';
