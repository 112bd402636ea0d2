# hessian-trace-quadratic-condition-100-0-n-10-2e2399c8: trace of the Hessian of the training objective on a fixed diagnostic batch, Hutchinson estimate with Rademacher probes, against steps; lines are means over seeds, error bars span plus or minus the seeds' mean standard error of the estimate
# Render from this folder with: gnuplot -c hessian-trace-quadratic-condition-100-0-n-10-2e2399c8.gp 'TITLE'
# Labels come from hessian-trace-quadratic-condition-100-0-n-10-2e2399c8.dat and the title from ARG1; neither is parsed as code.
title = (ARGC >= 1) ? ARG1 : ''
datafile = 'hessian-trace-quadratic-condition-100-0-n-10-2e2399c8.dat'
set terminal pngcairo noenhanced size 900,556 font 'Sans,10'
set output 'hessian-trace-quadratic-condition-100-0-n-10-2e2399c8.png'
set title title noenhanced
set grid lc rgb '#d0d0d0'
set key below left Left reverse maxcols 2 samplen 3 spacing 1.1
set xlabel 'step'
set ylabel 'Hessian trace (Hutchinson estimate)'
set border 3
set tics nomirror
set xrange [-4.0:204.0]
set yrange [189.44259533128815:326.55890301056996]
set bars small
N = 4
plot for [i=0:N-1] datafile index i using 1:2:3:4 with yerrorlines ps 0.6 lw 1.5 lc 1+i%8 dt 1+(i/8)%5 title columnheader(2)
set terminal svg noenhanced size 900,556 font 'Sans,10' background rgb '#ffffff'
set output 'hessian-trace-quadratic-condition-100-0-n-10-2e2399c8.svg'
replot
set output
