import { activitiesCount, activitiesPerMonth, activityCadenceMonths, activityCategories, monthArrangementFiled, monthArrangementsShare, needsCollectionQuarters, yearPlanFiled } from './activity-metrics';
import { meetingCadence, meetingsCount } from './meeting-metrics';
import { escalatedDispatchHours, orderClosureRate, orderFavourableRate, orderRatedShare, ordersCount, orderSatisfaction } from './order-metrics';
import { childTierShare, serviceRecordTimeliness, storeActive } from './record-metrics';
import { partyMemberVolunteerRatio, teamsCount, teamTypesCount, trainingsCount, volunteerRatio } from './team-metrics';
import type { MetricDefinition } from './types';
import { lectureCapacity, roomsCount, servicePointElement, servicePointElements } from './venue-metrics';

// The registry erases each metric's params type: params are checked against `params` (zod) before compute.
const all = [
  activitiesCount,
  activitiesPerMonth,
  activityCadenceMonths,
  activityCategories,
  yearPlanFiled,
  monthArrangementFiled,
  monthArrangementsShare,
  needsCollectionQuarters,
  meetingsCount,
  meetingCadence,
  volunteerRatio,
  partyMemberVolunteerRatio,
  teamsCount,
  teamTypesCount,
  trainingsCount,
  roomsCount,
  lectureCapacity,
  servicePointElement,
  servicePointElements,
  ordersCount,
  orderClosureRate,
  orderSatisfaction,
  orderRatedShare,
  orderFavourableRate,
  escalatedDispatchHours,
  serviceRecordTimeliness,
  storeActive,
  childTierShare,
] as unknown as MetricDefinition<Record<string, unknown>>[];

/** Every named metric, keyed by its key. A rubric's metric reference must name one of these or a metric of its own. */
export const metricRegistry: ReadonlyMap<string, MetricDefinition<Record<string, unknown>>> = new Map(all.map((metric) => [metric.key, metric]));

export function findMetric(key: string): MetricDefinition<Record<string, unknown>> | undefined {
  return metricRegistry.get(key);
}
