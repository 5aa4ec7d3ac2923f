/** English messages of 議事録確認 (minutes sign-off): the body's rule and the sign-off states. */
export const signOffEn = {
  signOff: {
    rule: {
      label: 'Minutes sign-off (議事録確認)',
      all: 'All attendees approve',
      majority: 'A majority of attendees approve',
      chair: 'The chair approves',
    },
    state: {
      pending: 'Awaiting review',
      correctionRequested: 'Correction requested',
      final: 'Final',
    },
  },
};
