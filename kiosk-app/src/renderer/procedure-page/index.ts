export { ProcedurePageScreen } from './ProcedurePageScreen';
export { OpenProcedureCatalogueButton } from './OpenProcedureCatalogueButton';
