/** Who is calling: set by the auth plugin from the device's access token, never from a payload. */
export interface DeviceContext {
  deviceId: string;
  stationId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated desk; set by `app.authenticateDevice` (routes that require it). */
    device: DeviceContext | null;
  }
}
