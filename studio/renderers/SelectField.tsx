import { Select } from 'antd';

/** antd's Select (with its virtual list) on its own chunk: LazySelect loads it when a person opens a choice. */
export default Select;
