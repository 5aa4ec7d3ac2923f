import type { signOffEn } from './signOff.en';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** 日本語: 議事録確認（会議体の確定ルールと確認の状態）。 */
export const signOffJa: Widen<typeof signOffEn> = {
  signOff: {
    rule: {
      label: '議事録確認',
      all: '出席者全員の承認で確定',
      majority: '出席者の過半数の承認で確定',
      chair: '議長の承認で確定',
    },
    state: {
      pending: '確認待ち',
      correctionRequested: '修正依頼あり',
      final: '確定',
    },
  },
};
