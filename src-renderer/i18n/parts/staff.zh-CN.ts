/** Staff sign-in texts in Simplified Chinese: the sign-in card, the PIN pad, the name on duty. */
export const staffZhCN = {
  staff: {
    title: '值班登录',
    hint: '请选择您的名字，输入 PIN 码后按回车。',
    demoHint: '演示驿站：李前台 PIN 1234，王站长 PIN 9999',
    pin: 'PIN 码',
    pinPlaceholder: '4–8 位数字',
    signIn: '登录',
    signOut: '退出登录',
    onDuty: '值班：{{name}}（{{role}}）',
    noStaff: '未登录',
    checking: '正在验证…',
    role: { desk: '前台', manager: '站长' },
    required: '请先登录值班人员，再开始签到。',
    noActiveStaff: '本站没有可登录的工作人员',
    clear: '清除',
    back: '退格',
    error: {
      BAD_FORMAT: 'PIN 码为 4–8 位数字',
      WRONG_PIN: 'PIN 码错误',
      WRONG_PIN_LEFT: 'PIN 码错误，再错 {{count}} 次将暂时锁定',
      LOCKED: '错误次数过多，请 {{seconds}} 秒后再试',
      INACTIVE: '该工作人员已停用',
      NOT_A_MANAGER: '这是前台人员的 PIN 码：需要站长（经理）本人输入',
    },
  },
};
