// OpenClaw gateway client: one persistent WebSocket per gateway (see DESIGN.md §5).
export { GatewayConnection, DEFAULT_SCOPES, CLIENT_ID, CLIENT_MODE } from "./client";
export type { GatewayConnectionOptions, GatewayEvent, GatewayState, GatewayStatus, ProtocolError, RequestOptions, GatewayLogger } from "./client";
export { GatewayManager, getGatewayManager } from "./manager";
export type { GatewayConfig, GatewayManagerOptions } from "./manager";
export { GatewayRequestError } from "./errors";
export type { ErrorCode, GatewayErrorCode, LocalErrorCode } from "./errors";
export { generateDeviceIdentity, deviceIdFromPublicKey } from "./device-identity";
export type { DeviceIdentity } from "./device-identity";
export { MIN_GATEWAY_VERSION, PROTOCOL_VERSION, compareGatewayVersions } from "./version";
export { classifyConnectError } from "./connect-errors";
export type { HelloOk } from "./frames";
