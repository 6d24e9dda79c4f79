/** Camera scanning: the public API of this folder. */
export { CameraScanner, type CameraScan, type CameraScannerProps } from './camera-scanner';
export { cameraSettings, useCameraSettings, useCameraDevices, cameraAvailability, type CameraDevice, type CameraSettings } from './camera-settings';
export type { CameraFormat, DecodedCode } from './decode-frame';
