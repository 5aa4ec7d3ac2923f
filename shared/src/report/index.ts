/** 経営報告: the report model (managementReport.ts). Reach it through "@suishin/shared/report". */
export * from './managementReport';
