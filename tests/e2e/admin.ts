/** Admin calls for E2E tests, over HTTP as the admin CLI makes them. */
export const issueDemoCode = async (): Promise<string> => {
  const res = await fetch(`${process.env.E2E_BASE_URL}/api/admin/stations/DEMO-SH-JA-001/enrollment-codes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${process.env.E2E_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: '{}',
  });
  if (!res.ok) throw new Error(`enrollment code: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { code: string }).code;
};
