/** Word lists for fictional demo data. Company names are made of two invented halves, not real businesses. */

export const NAME_STARTS = [
  'Amber', 'Apex', 'Arbor', 'Ash', 'Aster', 'Bay', 'Birch', 'Blue', 'Bright', 'Brook', 'Cedar', 'Clear', 'Cloud',
  'Cobalt', 'Copper', 'Coral', 'Crest', 'Crown', 'Delta', 'Drift', 'East', 'Ember', 'Fern', 'Field', 'Flint', 'Fox',
  'Frost', 'Gold', 'Granite', 'Green', 'Harbor', 'Hazel', 'High', 'Iron', 'Ivy', 'Jade', 'Juniper', 'Lake', 'Lark',
  'Linden', 'Maple', 'Marble', 'Meadow', 'Mill', 'Moss', 'North', 'Nova', 'Oak', 'Ocean', 'Onyx', 'Orchid', 'Pine',
  'Pioneer', 'Quartz', 'Quill', 'Raven', 'Red', 'Ridge', 'River', 'Rock', 'Sage', 'Silver', 'Sky', 'Slate', 'Solar',
  'Spruce', 'Star', 'Stone', 'Summit', 'Swift', 'Thistle', 'Timber', 'True', 'Vale', 'West', 'Willow', 'Wren', 'Zephyr',
] as const;

export const NAME_ENDS = [
  'beam', 'bridge', 'brook', 'crest', 'dale', 'field', 'ford', 'gate', 'glen', 'grove', 'haven', 'hill', 'hurst',
  'lake', 'land', 'leaf', 'light', 'line', 'mark', 'mere', 'mont', 'moor', 'park', 'peak', 'point', 'port', 'ridge',
  'rock', 'shire', 'side', 'stone', 'vale', 'view', 'wave', 'well', 'wick', 'wind', 'wood', 'works', 'yard',
] as const;

/** Second word of a company name; `slug` goes into the domain. */
export const INDUSTRIES = [
  { word: 'Analytics', slug: 'analytics' }, { word: 'Bank', slug: 'bank' }, { word: 'Biotech', slug: 'bio' },
  { word: 'Capital', slug: 'capital' }, { word: 'Clinics', slug: 'clinics' }, { word: 'Cloud', slug: 'cloud' },
  { word: 'Construction', slug: 'build' }, { word: 'Consulting', slug: 'consulting' }, { word: 'Credit Union', slug: 'cu' },
  { word: 'Dental', slug: 'dental' }, { word: 'Design', slug: 'design' }, { word: 'Digital', slug: 'digital' },
  { word: 'Energy', slug: 'energy' }, { word: 'Engineering', slug: 'eng' }, { word: 'Foods', slug: 'foods' },
  { word: 'Freight', slug: 'freight' }, { word: 'Games', slug: 'games' }, { word: 'Health', slug: 'health' },
  { word: 'Hotels', slug: 'hotels' }, { word: 'Insurance', slug: 'insurance' }, { word: 'Labs', slug: 'labs' },
  { word: 'Legal', slug: 'legal' }, { word: 'Logistics', slug: 'logistics' }, { word: 'Manufacturing', slug: 'mfg' },
  { word: 'Media', slug: 'media' }, { word: 'Medical', slug: 'medical' }, { word: 'Mobility', slug: 'mobility' },
  { word: 'Networks', slug: 'networks' }, { word: 'Partners', slug: 'partners' }, { word: 'Payments', slug: 'pay' },
  { word: 'Pharma', slug: 'pharma' }, { word: 'Properties', slug: 'properties' }, { word: 'Retail', slug: 'retail' },
  { word: 'Robotics', slug: 'robotics' }, { word: 'Schools', slug: 'schools' }, { word: 'Security', slug: 'security' },
  { word: 'Software', slug: 'software' }, { word: 'Solar', slug: 'solar' }, { word: 'Systems', slug: 'systems' },
  { word: 'Telecom', slug: 'telecom' }, { word: 'Travel', slug: 'travel' }, { word: 'Ventures', slug: 'ventures' },
] as const;

export const DOMAIN_TLDS = [
  ['com', 70],
  ['io', 12],
  ['co', 8],
  ['net', 5],
  ['ai', 3],
  ['org', 2],
] as const;

/** Added when every drawn name is taken (only happens in very large portfolios). */
export const NAME_QUALIFIERS = ['Group', 'Holdings', 'International', 'Global', 'North America', 'Europe', 'APAC'] as const;

export const FIRST_NAMES = [
  'Aaron', 'Abigail', 'Adam', 'Aisha', 'Alex', 'Amara', 'Amelia', 'Ana', 'Andre', 'Ben', 'Carla', 'Carlos', 'Chen',
  'Chloe', 'Daniel', 'Diego', 'Elena', 'Emily', 'Emma', 'Ethan', 'Fatima', 'Felix', 'Grace', 'Hana', 'Hugo', 'Ines',
  'Isaac', 'Ivan', 'Jada', 'James', 'Jonas', 'Julia', 'Kai', 'Kenji', 'Laura', 'Leila', 'Liam', 'Lucas', 'Maya',
  'Mei', 'Mia', 'Nadia', 'Noah', 'Nora', 'Olivia', 'Omar', 'Oscar', 'Paula', 'Priya', 'Rafael', 'Ravi', 'Rosa',
  'Ryan', 'Sam', 'Sara', 'Sofia', 'Tariq', 'Theo', 'Valentina', 'Victor', 'Yara', 'Yusuf', 'Zoe', 'Zara',
] as const;

export const LAST_NAMES = [
  'Adams', 'Ahmed', 'Alvarez', 'Andersen', 'Baker', 'Becker', 'Brown', 'Campbell', 'Chen', 'Costa', 'Das', 'Diaz',
  'Dubois', 'Evans', 'Fischer', 'Garcia', 'Gonzalez', 'Gupta', 'Hall', 'Hansen', 'Hughes', 'Ito', 'Jansen', 'Johnson',
  'Kim', 'Klein', 'Kowalski', 'Lee', 'Lopez', 'Martin', 'Meyer', 'Mills', 'Moreau', 'Murphy', 'Nakamura', 'Nguyen',
  'Novak', 'Okafor', 'Olsen', 'Park', 'Patel', 'Perez', 'Quinn', 'Reyes', 'Rossi', 'Santos', 'Schmidt', 'Silva',
  'Singh', 'Sousa', 'Suzuki', 'Taylor', 'Torres', 'Vargas', 'Walker', 'Weber', 'Wilson', 'Wright', 'Young', 'Zhang',
] as const;

export const TITLES_BY_ROLE = {
  'exec-sponsor': ['VP of Operations', 'Chief Information Officer', 'Chief Operating Officer', 'VP of IT', 'CISO'],
  champion: ['Compliance Manager', 'Head of IT', 'Security Lead', 'Operations Manager', 'Risk Manager'],
  admin: ['IT Administrator', 'Systems Administrator', 'IT Coordinator'],
  user: ['Analyst', 'Compliance Analyst', 'IT Specialist', 'Auditor', 'Project Coordinator', 'Engineer'],
} as const;

/** Customer-success managers; each segment has its own pool (enterprise accounts get dedicated CSMs). */
export const OWNERS_BY_SEGMENT = {
  Enterprise: ['Priya Raman', 'Marcus Lee'],
  'Mid-Market': ['Sofia Alvarez', 'Daniel Okafor', 'Hannah Becker'],
  SMB: ['Tom Nguyen', 'Aisha Khan', 'Lukas Meyer'],
} as const;

export const DEMO_OWNERS: readonly string[] = Object.values(OWNERS_BY_SEGMENT).flat();

export const CHURN_REASONS = [
  ['Budget cuts', 30],
  ['Moved to competitor', 25],
  ['Low adoption', 25],
  ['Champion left', 12],
  ['Acquired', 8],
] as const;

export const TICKET_SUBJECTS = {
  routine: [
    'How do I invite teammates?',
    'Question about our invoice',
    'Can we change the report logo?',
    'Where do I find last quarter’s assessment?',
    'Request: export gaps to CSV',
    'How to assign training to a group',
    'Adding a new system to an assessment',
    'Password reset email not arriving',
    'Feature request: custom fields on controls',
    'Updating our billing contact',
  ],
  problem: [
    'Report PDF is missing charts',
    'Assessment export fails with a timeout',
    'SSO login loops back to the sign-in page',
    'Evidence upload stuck at 99%',
    'Dashboard shows yesterday’s data',
    'Users lost access after role change',
    'Integration sync failing since the update',
    'Scores changed without any edits',
  ],
} as const;

export const NPS_COMMENTS = {
  promoter: [
    'Made our audit prep painless.',
    'The reports save us days every quarter.',
    'Great support team, quick answers.',
    'Easy to roll out to the whole team.',
  ],
  passive: [
    'Good product, a few rough edges in reporting.',
    'Works well but setup took longer than expected.',
    'Would like more integrations.',
  ],
  detractor: [
    'Too expensive for what we use.',
    'Support is slow to respond.',
    'Hard to get the team to adopt it.',
    'Reports keep failing when we need them most.',
  ],
} as const;
