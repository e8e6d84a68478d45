/**
 * The one list of IPC messages between the preload bridge and the main process (in the manner
 * of electron/fiddle's ipc-events.ts). The renderer talks to the core over the WebSocket; IPC
 * carries only what the renderer cannot learn otherwise: where the core is and its token.
 */
export const IpcChannel = {
  /** invoke → `CoreEndpoint` of the running core (waits until one is ready). */
  GetCoreEndpoint: 'kiosk:get-core-endpoint',
} as const;

export type IpcChannel = (typeof IpcChannel)[keyof typeof IpcChannel];
