/** English messages of the issue register (課題) and its escalation; spread into `en.ts`. */
export const issuesEn = {
  issues: {
    tab: 'Issues',
    title: 'Issues',
    empty: 'No issues yet. Raise one from an off-track KPI, an overdue action item, or by hand.',
    add: 'Raise an issue',
    fromKpi: 'Raise an issue from this KPI',
    fromActionItem: 'Raise an issue from this action item',
    proposedFromKpi: '{{name}} has been off track two meetings in a row. Raise an issue?',
    fields: {
      title: 'Title',
      description: 'Description',
      rootCause: 'Root cause (why?)',
      severity: 'Severity',
      owner: 'Owner',
      department: 'Department',
      status: 'Status',
      dueDate: 'Solve by',
    },
    severity: { low: 'Low', medium: 'Medium', high: 'High' },
    status: { open: 'Open', analysing: 'Analysing', countermeasure: 'Countermeasure', monitoring: 'Monitoring', closed: 'Closed' },
    escalate: 'Escalate to the parent body',
    escalation: {
      ask: 'What we ask for',
      tried: 'What we tried',
      awaiting: 'Escalated: waiting for the parent body',
      decided: 'The parent body decided: {{text}}',
      agendaTitle: 'Escalations from the bodies below',
      trigger: { hand: 'by hand', overdue: 'past its date', high_without_countermeasure: 'high severity with no countermeasure' },
    },
  },
};
