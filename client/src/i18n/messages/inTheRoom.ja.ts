import type { inTheRoomEn } from './inTheRoom.en';

/** 日本語: 会議室の画面（プロジェクター表示と QR コードでの参加）。 */
export const inTheRoomJa: typeof inTheRoomEn = {
  projector: {
    title: 'プロジェクター',
    open: 'プロジェクター表示を開く',
    opening: '開いています…',
    openHint: '会議室のスクリーン用の新しいウィンドウです。閲覧のみで、進行中の議題に自動で切り替わり、参加用の QR コードを表示します。専用のリンク（有効期間 1 日）を使います。',
    openFailed: 'プロジェクター表示を開けませんでした：{{message}}',
    popupBlocked: 'ブラウザーが新しいウィンドウをブロックしました。このサイトのポップアップを許可して、もう一度お試しください。',
    noLink: 'このプロジェクターのアドレスは不完全です。会議の「共有」からプロジェクター表示を開き直してください。',
    refused: 'このプロジェクターのリンクは使えなくなりました（無効化または期限切れ）。会議からプロジェクター表示を開き直してください。',
    offline: '再接続中…',
    now: '進行中 · 議題 {{number}} / {{count}}',
    presenter: '説明: {{name}}',
    notStarted: 'まだ開始していません',
    between: '会議中',
    ended: '会議は終了しました',
    decisions: '決定事項',
    actionItems: '宿題',
    noDecisions: 'まだ決定事項はありません。',
    noActions: 'まだ宿題はありません。',
    noOwner: '担当者未定',
    due: '期限 {{date}}',
    earlier: 'ほか {{count}} 件',
    joinHeading: 'スマートフォンから参加',
    joinHint: '読み取って参加・メモ',
    qrLabel: '参加者リンクの QR コード',
  },
  shareQr: {
    label: '{{role}}リンクの QR コード',
    hint: '会議室の参加者はスマートフォンのカメラで読み取れます。',
  },
};
