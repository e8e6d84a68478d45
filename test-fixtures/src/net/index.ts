export {
  startTcpFaultProxy,
  type LinkFault,
  type TcpFaultProxy,
  type TcpFaultProxyOptions,
} from './tcp-fault-proxy';
