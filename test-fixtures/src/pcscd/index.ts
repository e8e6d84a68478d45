export { privatePcscd, privatePcscdPossible, type PrivatePcscd } from './private-pcscd';
