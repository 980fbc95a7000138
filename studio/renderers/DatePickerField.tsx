import { DatePicker } from 'antd';

/** antd's DatePicker on its own chunk: forms without a date field never download the calendar. */
export default DatePicker;
