/**
 * What the server or the browser said about an error, word for word (English, for whoever
 * administers the station): folded away under a translated heading, so staff read the sentence
 * in their language and are not shown raw English.
 */
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export const TechnicalDetail = ({ code, status, message }: { code: string; status?: number | string; message: string }) => {
  const { t } = useTranslation();
  return (
    <details data-testid="technical-detail" style={{ fontSize: 12 }}>
      <summary>
        <Typography.Text type="secondary">{t('sync.technical')}</Typography.Text>
      </summary>
      <Typography.Text type="secondary" lang="en" style={{ display: 'block' }}>
        {[code, status === undefined || String(status) === code ? null : String(status), message].filter(Boolean).join(' · ')}
      </Typography.Text>
    </details>
  );
};
