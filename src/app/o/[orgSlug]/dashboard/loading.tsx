export default function DashboardLoading() {
  const block = "animate-pulse rounded-xl bg-slate-100 dark:bg-slate-800/70";
  return (
    <div aria-busy="true" aria-label="Loading dashboard">
      <div className="mb-6 h-8 w-48 animate-pulse rounded bg-slate-100 dark:bg-slate-800/70" />
      <div className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {[0, 1, 2, 3, 4].map((i) => (
          <div key={i} className={`${block} h-28`} />
        ))}
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className={`${block} h-72 lg:col-span-2`} />
        <div className={`${block} h-72`} />
      </div>
    </div>
  );
}
