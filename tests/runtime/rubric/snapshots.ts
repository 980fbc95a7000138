import type { ReviewSheet, SnapshotOrder, UnitSnapshot } from '../../../runtime/rubric/index';

/** The knobs of a realistic station year; every count is for 2025. */
export interface StationProfile {
  id: string;
  parentId?: string;
  population: number;
  partyMembers: number;
  volunteers: number;
  partyVolunteers: number;
  rooms: number;
  lectureSeats: number;
  haves: number;
  teams: string[];
  trainings: number;
  yearPlan: boolean;
  monthsArranged: number;
  /** Months with ≥ 4 activities; the other months have 2. */
  busyMonths: number;
  categories: number;
  headDeploys: number;
  orders: { closed: number; open: number; cancelled: number; rated: number; stars: number };
  records: { onTime: number; late: number };
  quartersSurveyed: number;
  store: boolean;
}

const haves = ['desk', 'sign', 'rules', 'volunteers', 'projects', 'process', 'facilities', 'results'];
const roomTypes = ['theory-lecture-room', 'farmhouse-library', 'day-care-center', 'culture-service-center', 'village-stage'];
const month = (m: number) => `2025-${String(m).padStart(2, '0')}`;

/** Builds the snapshot the server would gather for a station with this profile. */
export function stationSnapshot(profile: StationProfile): UnitSnapshot {
  const activities: { date: string; category: string }[] = [];
  for (let m = 1; m <= 12; m++) {
    const count = m <= profile.busyMonths ? 4 : 2;
    for (let i = 0; i < count; i++) activities.push({ date: `${month(m)}-${String(3 + i * 7).padStart(2, '0')}`, category: `category-${(m * 4 + i) % profile.categories}` });
  }
  const orders: SnapshotOrder[] = [];
  for (let i = 0; i < profile.orders.closed; i++) {
    const order: SnapshotOrder = { status: 'closed', submittedAt: `${month((i % 12) + 1)}-05`, closedAt: `${month((i % 12) + 1)}-09` };
    if (i < profile.orders.rated) order.rating = profile.orders.stars;
    orders.push(order);
  }
  for (let i = 0; i < profile.orders.open; i++) orders.push({ status: 'dispatched', submittedAt: '2025-11-20' });
  for (let i = 0; i < profile.orders.cancelled; i++) orders.push({ status: 'cancelled', submittedAt: '2025-06-20' });
  const records = [
    ...Array.from({ length: profile.records.onTime }, (_, i) => ({ activityDate: `${month((i % 12) + 1)}-03`, finalisedAt: `${month((i % 12) + 1)}-08` })),
    ...Array.from({ length: profile.records.late }, (_, i) => ({ activityDate: `${month((i % 12) + 1)}-03`, finalisedAt: `${month((i % 12) + 1)}-20` })),
  ];
  const unit: UnitSnapshot['unit'] = { id: profile.id, level: 'station', population: profile.population, partyMembers: profile.partyMembers };
  if (profile.parentId !== undefined) unit.parentId = profile.parentId;
  const snapshot: UnitSnapshot = {
    unit,
    rooms: roomTypes.slice(0, profile.rooms).map((type, index) => ({ type, capacity: index === 0 ? profile.lectureSeats : 15, lecture: index === 0 })),
    servicePoint: { elements: haves.slice(0, profile.haves) },
    volunteers: { registered: profile.volunteers, partyMembers: profile.partyVolunteers },
    teams: profile.teams.map((type) => ({ type, emergency: type === 'emergency' })),
    trainings: Array.from({ length: profile.trainings }, (_, i) => ({ date: `${month(i * 4 + 2)}-15` })),
    activities,
    monthArrangements: Array.from({ length: profile.monthsArranged }, (_, i) => ({ month: month(i + 1) })),
    meetings: Array.from({ length: profile.headDeploys }, (_, i) => ({ type: 'station-head-deploy', date: `${month(i * 5 + 1)}-10` })),
    orders,
    serviceRecords: records,
    needsSurveys: Array.from({ length: profile.quartersSurveyed }, (_, i) => ({ date: `${month(i * 3 + 1)}-20` })),
    store: { exists: profile.store },
    redemptions: profile.store ? [{ date: '2025-05-01' }] : [],
  };
  if (profile.yearPlan) snapshot.yearPlan = { filedAt: '2025-01-08' };
  return snapshot;
}

export const strong: StationProfile = {
  id: 'st-strong',
  population: 2000,
  partyMembers: 60,
  volunteers: 300,
  partyVolunteers: 51,
  rooms: 3,
  lectureSeats: 40,
  haves: 8,
  teams: ['theory-lecture', 'culture-arts', 'civility'],
  trainings: 3,
  yearPlan: true,
  monthsArranged: 12,
  busyMonths: 12,
  categories: 7,
  headDeploys: 2,
  orders: { closed: 19, open: 1, cancelled: 2, rated: 16, stars: 5 },
  records: { onTime: 40, late: 0 },
  quartersSurveyed: 4,
  store: true,
};

export const average: StationProfile = {
  ...strong,
  id: 'st-average',
  volunteers: 160,
  partyVolunteers: 36,
  rooms: 2,
  lectureSeats: 30,
  haves: 6,
  teams: ['theory-lecture', 'culture-arts'],
  trainings: 1,
  monthsArranged: 10,
  busyMonths: 7,
  categories: 5,
  orders: { closed: 17, open: 3, cancelled: 0, rated: 8, stars: 5 },
  records: { onTime: 32, late: 8 },
  quartersSurveyed: 3,
};

export const weak: StationProfile = {
  ...strong,
  id: 'st-weak',
  volunteers: 40,
  partyVolunteers: 10,
  rooms: 1,
  lectureSeats: 15,
  haves: 2,
  teams: ['culture-arts'],
  trainings: 0,
  yearPlan: false,
  monthsArranged: 3,
  busyMonths: 1,
  categories: 2,
  headDeploys: 0,
  orders: { closed: 3, open: 4, cancelled: 1, rated: 1, stars: 3 },
  records: { onTime: 5, late: 10 },
  quartersSurveyed: 1,
  store: false,
};

/** The manual part of a strong station's assessment, as the district recorded it. */
export const strongReview: ReviewSheet = {
  items: {
    a1: { met: true, evidence: ['photo-plaque'] },
    a5: { defects: 0 },
    b1: { met: true },
    d2: { value: 5, evidence: ['doc-project-book'] },
    e1: { ticked: ['work', 'volunteer', 'records', 'safety', 'funds'] },
    e4: { grade: 'A' },
    f1: { value: 5 },
    'bonus-honours': { ticked: ['city-honour', 'media-coverage'] },
  },
};

export const averageReview: ReviewSheet = {
  items: {
    a1: { met: true },
    a5: { defects: 1 },
    b1: { met: true },
    d2: { value: 3.5 },
    e1: { ticked: ['work', 'volunteer', 'records', 'safety'] },
    e4: { grade: 'B' },
    f1: { value: 3.5 },
  },
};

export const weakReview: ReviewSheet = {
  items: { a1: { met: true }, a5: { defects: 2 }, b1: { met: false }, d2: { value: 0 }, e1: { ticked: ['work'] }, e4: { grade: 'C' }, f1: { value: 2 } },
};
