/** Member-pass texts in Simplified Chinese: how fresh the desk's pass keys are. */
export const passesZhCN = {
  passes: {
    trustAge: {
      never: '会员码密钥：尚未从服务器同步',
      justNow: '会员码密钥刚刚更新',
      minutes: '会员码密钥更新于 {{count}} 分钟前',
      hours: '会员码密钥更新于 {{count}} 小时前',
      days: '会员码密钥更新于 {{count}} 天前',
      fresh: '用于离线验证会员码的公钥和吊销名单，每次联网同步时更新。',
      stale: '已超过 {{hours}} 小时未更新：会员码仍可离线验证，但可能漏掉新近吊销的会员码。请尽快联网同步。',
    },
  },
};
