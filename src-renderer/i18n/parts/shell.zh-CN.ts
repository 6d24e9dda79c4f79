/** The web build's offline shell in Simplified Chinese: updates, and where the desk cannot work offline. */
export const shellZhCN = {
  shell: {
    insecure:
      '此前台通过不安全的地址打开（{{origin}}）：在这里浏览器不允许加密保存会员资料、校验会员码，断网后也无法重新打开，因此前台没有启动。请改用 https:// 地址打开（由管理员为服务器配置证书），或在服务器本机用 http://localhost 打开。',
    unsupported: '此浏览器不能保存前台程序：断网后重新打开将无法使用。请使用新版 Chrome 或 Edge。',
    failed: '前台程序未能保存到本机：断网后重新打开可能无法使用。请联网后刷新页面。',
    updateReady: '前台新版本已下载。',
    updateApply: '刷新以更新',
    tooOld: '服务器已升级，本前台版本过旧，暂停同步（数据保存在本机，不会丢失）。正在获取新版本…',
  },
};
