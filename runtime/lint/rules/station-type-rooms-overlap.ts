import { defineRule } from '../types';

/** A room is either required or optional for a station type; listing it as both makes the standard ambiguous. */
export const stationTypeRoomsOverlap = defineRule({
  name: 'station-type-rooms-overlap',
  kinds: ['stationType'],
  check(parsed, _context, report) {
    const required = new Set(parsed.definition.requiredRooms);
    parsed.definition.optionalRooms.forEach((room, index) => {
      if (!required.has(room)) return;
      report({
        pointer: `/optionalRooms/${index}`,
        code: 'station-type-rooms-overlap',
        message: {
          'zh-CN': `功能室“${room}”同时列为必备和可选`,
          en: `Function room "${room}" is listed as both required and optional`,
        },
        params: { key: room },
      });
    });
  },
});
