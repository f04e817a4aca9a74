# Sinergi app image: one Streamlit process; run several behind a proxy (see compose.yaml, README "Deployment").
FROM python:3.11-slim

# pg_dump/pg_restore for scripts/backup.py and scripts/restore.py against PostgreSQL
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .

RUN useradd --system --home /app sinergi && mkdir -p /data && chown sinergi /data
USER sinergi

ENV SINERGI_DATA_DIR=/data
EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4)"
CMD ["python", "-m", "streamlit", "run", "app.py", \
     "--server.address", "0.0.0.0", "--server.port", "8501", "--server.headless", "true", \
     "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
