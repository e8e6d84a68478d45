export { SocatPtyPair } from './socat-pty-pair';
